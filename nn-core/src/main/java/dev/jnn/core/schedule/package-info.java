/** Learning-rate schedules by name, PyTorch's schedulers in closed form (see {@link dev.jnn.core.schedule.Schedules}). */
package dev.jnn.core.schedule;
