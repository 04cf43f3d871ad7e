/**
 * The lab's English text corpus ({@link org.reprolab.data.text.TextCorpus}: the freely licensed files of
 * Debian's fortunes package, split 90/5/5 into contiguous train/val/test parts) and its tokenizers: the
 * 98-symbol {@link org.reprolab.data.text.CharTokenizer} of the language models and a word-level
 * {@link org.reprolab.data.text.WordTokenizer} with a committed vocabulary file.
 */
@Export
@Version("1.0.0")
package org.reprolab.data.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
