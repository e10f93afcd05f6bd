package io.xemigrate.simulator.scenario;

/** A scenario that cannot be used, with the one place to fix: {@code file:line: field: problem}. */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final String field;
  private final String problem;

  public ScenarioException(String file, int line, String field, String problem) {
    super(file + ":" + line + ": " + field + ": " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  /** 1-based line; 0 when the position is unknown. */
  public int line() {
    return line;
  }

  /** The path of the field, e.g. {@code pools[0].vms[3].disks[0].sr}. */
  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
