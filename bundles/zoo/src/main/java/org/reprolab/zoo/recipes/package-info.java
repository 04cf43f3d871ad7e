/**
 * The built-in zoo recipes ({@link org.reprolab.zoo.recipes.BuiltInRecipes}: fmnist-mlp, fmnist-cnn,
 * tiny-vit-fmnist, tiny-lm-char) and the two training loops behind them, exported so that other bundles register
 * variants (another Fashion-MNIST classifier, a smaller LM) without copying a loop:
 * {@link org.reprolab.zoo.recipes.ImageClassifierRecipe} and {@link org.reprolab.zoo.recipes.CharLmRecipe}, whose
 * window format {@link org.reprolab.zoo.recipes.CharWindows} evaluations reuse.
 */
@Export
@Version("0.1.0")
package org.reprolab.zoo.recipes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
