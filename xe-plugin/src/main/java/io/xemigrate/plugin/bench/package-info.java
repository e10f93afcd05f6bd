/**
 * The scenario benchmark of issue 6: schedules a batch with xe-migrate and the baselines, replays
 * each schedule in the simulator ({@link io.xemigrate.plugin.bench.ScheduleReplayer}) and compares
 * the simulator's recorded truth with the predictions.
 */
package io.xemigrate.plugin.bench;
