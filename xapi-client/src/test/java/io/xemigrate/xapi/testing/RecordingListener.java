package io.xemigrate.xapi.testing;

import io.xemigrate.xapi.XapiEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event as one line, for asserting sequences and scanning for secrets. */
public final class RecordingListener implements XapiEventListener {
  private final List<String> lines = new CopyOnWriteArrayList<>();

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public List<String> linesStartingWith(String prefix) {
    return lines.stream().filter(line -> line.startsWith(prefix)).toList();
  }

  @Override
  public void callStart(String method) {
    lines.add("callStart " + method);
  }

  @Override
  public void callEnd(String method, long elapsedNanos, String errorCode) {
    lines.add("callEnd " + method + " " + errorCode);
  }

  @Override
  public void retryDecision(String method, int attempt, boolean retry, String reason) {
    lines.add("retry " + method + " " + attempt + " " + retry + " " + reason);
  }

  @Override
  public void redirect(String fromAddress, String toAddress, String reason) {
    lines.add("redirect " + fromAddress + " -> " + toAddress + " " + reason);
  }

  @Override
  public void session(String address, String action) {
    lines.add("session " + action + " " + address);
  }

  @Override
  public void taskProgress(String taskUuid, String operation, double progress) {
    lines.add("progress " + operation + " " + progress);
  }

  @Override
  public void taskCancel(String operation, boolean accepted) {
    lines.add("cancel " + operation + " " + accepted);
  }

  @Override
  public void insecureTls(String address) {
    lines.add("insecureTls " + address);
  }
}
