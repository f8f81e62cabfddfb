/** Models: layers composed into one function, built by shape inference, differentiated by the chain rule. */
package dev.jnn.core.model;
