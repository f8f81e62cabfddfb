/**
 * Run files: a whole training run (data, model, loss, optimizer, training settings, seed) described
 * in YAML or JSON by provider names, overridden from the command line, and bound to providers before
 * anything runs, so that a bad file fails at once with the file, the key path, the value and what was
 * expected.
 */
package dev.jnn.core.config;
