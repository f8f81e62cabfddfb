/**
 * Data: a {@link dev.jnn.api.data.Dataset} of samples and targets, and the
 * {@link dev.jnn.api.data.DataSource} a run file names, found by name through
 * {@link dev.jnn.api.spi.DataSourceProvider} like layers and optimizers.
 */
package dev.jnn.api.data;
