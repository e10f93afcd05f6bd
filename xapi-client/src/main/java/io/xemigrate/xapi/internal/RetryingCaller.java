package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.RetryPolicy;
import io.xemigrate.xapi.Sleeper;
import io.xemigrate.xapi.XapiErrors;
import io.xemigrate.xapi.XapiEventListener;
import io.xemigrate.xapi.XapiException;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Sends a call again, with capped jittered back-off and a bound, only when that is safe. Each veto
 * is one line, and every decision is reported to the listener.
 */
final class RetryingCaller implements RpcCaller {
  private final RpcCaller next;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final XapiEventListener listener;
  private final Random jitter;

  RetryingCaller(RpcCaller next, RetryPolicy policy, Sleeper sleeper, XapiEventListener listener) {
    this.next = next;
    this.policy = policy;
    this.sleeper = sleeper;
    this.listener = listener;
    this.jitter = policy.newJitter();
  }

  @Override
  public Object call(String method, Object[] params, Duration extraWait) {
    CallSafety safety = CallSafety.of(method);
    for (int attempt = 1; ; attempt++) {
      try {
        return next.call(method, params, extraWait);
      } catch (TransportFailure failure) {
        String veto = transportVeto(failure, safety, attempt);
        decide(method, attempt, veto, failure.getMessage());
        if (veto != null) {
          // A read that keeps failing is a plain transport error; a change is of unknown outcome.
          throw failure.mayHaveReachedServer() && safety != CallSafety.REPEATABLE
              ? XapiErrors.client(method, XapiErrors.OUTCOME_UNKNOWN, failure.getMessage(), failure)
              : failure;
        }
      } catch (XapiException failure) {
        String veto = answerVeto(failure, safety, attempt);
        decide(method, attempt, veto, failure.code());
        if (veto != null) {
          throw failure;
        }
      }
      backOff(attempt);
    }
  }

  /** Why a broken exchange is not retried, or null to retry. */
  private String transportVeto(TransportFailure failure, CallSafety safety, int attempt) {
    if (attempt >= policy.maxAttempts()) {
      return "attempts exhausted";
    }
    if (!failure.mayHaveReachedServer()) {
      return null; // the request never left: sending it now is sending it once
    }
    return switch (safety) {
      case REPEATABLE -> null;
      case NEVER_RESEND -> "moves a VM or disk and may have reached the server";
      case NOT_REPEATABLE -> "changes state and may have reached the server";
    };
  }

  /** Why an error answer is not retried, or null to retry. */
  private String answerVeto(XapiException failure, CallSafety safety, int attempt) {
    if (!failure.errorCode().retryable()) {
      return "not a transient error";
    }
    if (attempt >= policy.maxAttempts()) {
      return "attempts exhausted";
    }
    return switch (safety) {
      case REPEATABLE -> null;
      // The coordinator decides when to try a move again (it may be queued behind others).
      case NEVER_RESEND -> "a move is retried by the coordinator, not here";
      case NOT_REPEATABLE -> "changes state";
    };
  }

  private void decide(String method, int attempt, String veto, String failure) {
    listener.retryDecision(
        method, attempt, veto == null, veto == null ? failure : veto + " (" + failure + ")");
  }

  private void backOff(int failedAttempt) {
    try {
      sleeper.sleep(policy.delayAfter(failedAttempt, jitter));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new XapiException(
          "retry", XapiErrors.classify(XapiErrors.TRANSPORT), List.of("interrupted"), e);
    }
  }
}
