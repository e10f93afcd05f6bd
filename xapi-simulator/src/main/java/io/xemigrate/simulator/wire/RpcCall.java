package io.xemigrate.simulator.wire;

import com.google.common.collect.ImmutableList;

/** A decoded call: method name and parameters in store value types. */
public record RpcCall(String method, ImmutableList<Object> params) {}
