package io.xemigrate.plugin.cli;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The words XenCenter's plugin loader puts on the command line after {@code xencenter}: the {@code
 * param} values of the plugin XML (the action, then optional {@code key=value} parameters), then
 * four values per selected object (URL, session reference, class, UUID). The values are joined with
 * spaces, so a group starts at the first word that is a URL (or {@code null}, when XenCenter has no
 * URL for it).
 *
 * @param parameters the {@code key=value} words between the action and the first object
 */
record XenCenterRequest(
    XenCenterAction action,
    ImmutableList<String> parameters,
    ImmutableList<XenCenterObject> objects) {

  static XenCenterRequest parse(List<String> words) {
    if (words.isEmpty()) {
      throw new UsageException(
          "xencenter needs the command to start (vm-migrate-check, vm-migrate-plan,"
              + " host-evacuate-plan, host-evacuate, pool-check) and XenCenter's objects;"
              + " it is meant to be started by the XCP-ng Center plugin");
    }
    XenCenterAction action = XenCenterAction.named(words.get(0));
    int first = 1;
    while (first < words.size() && !startsObject(words.get(first))) {
      first++;
    }
    List<String> groups = words.subList(first, words.size());
    if (groups.isEmpty()) {
      throw new UsageException(
          "XenCenter passed no selected object: start "
              + action.command()
              + " from its xe-migrate menu item in XCP-ng Center or XenCenter");
    }
    // Never echo these words: one of every four is a session reference.
    if (groups.size() % 4 != 0) {
      throw new UsageException(
          "XenCenter passed "
              + groups.size()
              + " values after the parameters, not groups of four (URL, session, class, UUID):"
              + " a param value of the plugin XML with a space needs &quot; quotes");
    }
    ImmutableList.Builder<XenCenterObject> objects = ImmutableList.builder();
    for (int at = 0; at < groups.size(); at += 4) {
      objects.add(
          XenCenterObject.of(
              groups.get(at), groups.get(at + 1), groups.get(at + 2), groups.get(at + 3)));
    }
    return new XenCenterRequest(
        action, ImmutableList.copyOf(words.subList(1, first)), objects.build());
  }

  private static boolean startsObject(String word) {
    return word.startsWith("https://")
        || word.startsWith("http://")
        || word.equals(XenCenterObject.MISSING);
  }
}
