/**
 * The built-in data sources, found by name like any plugin's ({@link dev.jnn.core.data.DataSourceProviders}):
 * generated datasets, seeded, that need no download ({@link dev.jnn.core.data.Synthetic}); CSV tables
 * ({@link dev.jnn.core.data.Csv}); MNIST's IDX files ({@link dev.jnn.core.data.Idx},
 * {@link dev.jnn.core.data.Mnist}), downloaded once and checked by checksum when no folder is given
 * ({@link dev.jnn.core.data.MnistDownload}). Readers report a broken file with its name and the place.
 */
package dev.jnn.core.data;
