package io.xemigrate.daemon.api;

/**
 * A move as the running coordinator last reported it.
 *
 * @param percent the task's progress, 0 to 100
 */
public record LiveMove(
    String vmUuid, String vmName, String phase, double percent, double bytesPerSecond) {

  LiveMove withPhase(String newPhase) {
    return new LiveMove(vmUuid, vmName, newPhase, percent, bytesPerSecond);
  }

  LiveMove withProgress(double newPercent, double rate) {
    return new LiveMove(vmUuid, vmName, phase, newPercent, rate);
  }
}
