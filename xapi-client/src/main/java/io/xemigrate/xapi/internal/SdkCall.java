package io.xemigrate.xapi.internal;

import io.xemigrate.xapi.XapiErrors;

/** A call into the SDK's typed API, whose checked exceptions become {@code XapiException}s. */
@FunctionalInterface
interface SdkCall<T> {
  T run() throws Exception;

  /** Runs the call; every failure leaves as an {@link io.xemigrate.xapi.XapiException}. */
  static <T> T run(String what, SdkCall<T> call) {
    try {
      return call.run();
    } catch (Exception e) {
      throw XapiErrors.translate(what, e);
    }
  }

  /** Runs a call that answers nothing, as {@link #run} does. */
  static void act(String what, SdkAction action) {
    run(
        what,
        () -> {
          action.run();
          return null;
        });
  }

  /** An SDK call that answers nothing (most setters and actions). */
  @FunctionalInterface
  interface SdkAction {
    void run() throws Exception;
  }
}
