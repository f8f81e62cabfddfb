/**
 * What a comparison writes: raw metrics (CSV, JSON lines), the resolved run files, and a
 * self-contained HTML report with inline SVG charts that needs no network to view.
 */
package dev.jnn.examples.report;
