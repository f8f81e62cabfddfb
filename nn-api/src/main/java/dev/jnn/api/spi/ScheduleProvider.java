package dev.jnn.api.spi;

import dev.jnn.api.Schedule;

/**
 * Makes a learning-rate {@link Schedule} by name, as a run file gives it in its optimizer section
 * ({@code schedule: "cosine(t_max=20)"}); register in {@code META-INF/services/dev.jnn.api.spi.ScheduleProvider}.
 */
public interface ScheduleProvider extends Provider<Schedule> {
}
