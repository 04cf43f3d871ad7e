/**
 * The built-in zoo recipes ({@link org.reprolab.zoo.recipes.BuiltInRecipes}: fmnist-mlp, fmnist-cnn,
 * tiny-vit-fmnist, tiny-lm-char, tokfsm-lm) and the recipes behind them, exported so that other bundles register
 * variants (another Fashion-MNIST classifier, a smaller LM) without copying a loop:
 * {@link org.reprolab.zoo.recipes.ImageClassifierRecipe}, {@link org.reprolab.zoo.recipes.CharLmRecipe}, whose
 * window format {@link org.reprolab.zoo.recipes.CharWindows} evaluations reuse, and
 * {@link org.reprolab.zoo.recipes.TokFsmLmRecipe}, whose {@link org.reprolab.zoo.recipes.TransitionAccuracy}
 * codebook-features reuses. The two LM recipes share one training loop.
 */
@Export
@Version("0.2.0")
package org.reprolab.zoo.recipes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
