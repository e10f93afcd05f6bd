package io.xemigrate.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No public signature of xapi-client (model, API, internal) mentions an SDK type. */
class NoSdkTypeInPublicSignaturesTest {

  @Test
  void publicSignaturesAreSdkFree() throws IOException, URISyntaxException, ClassNotFoundException {
    Path classes =
        Path.of(PoolClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> leaks = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes.resolve("io/xemigrate/xapi"))) {
      files = walk.filter(path -> path.toString().endsWith(".class")).toList();
    }
    for (Path file : files) {
      String name =
          classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      check(leaks, type.getName(), type.getGenericSuperclass());
      for (var anInterface : type.getGenericInterfaces()) {
        check(leaks, type.getName(), anInterface);
      }
      for (Method method : type.getDeclaredMethods()) {
        if (Modifier.isPublic(method.getModifiers())
            || Modifier.isProtected(method.getModifiers())) {
          check(leaks, method.toString(), method.toGenericString());
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (Modifier.isPublic(constructor.getModifiers())) {
          check(leaks, constructor.toString(), constructor.toGenericString());
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isPublic(field.getModifiers())) {
          check(leaks, field.toString(), field.toGenericString());
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(40);
    assertThat(leaks).isEmpty();
  }

  private static void check(List<String> leaks, String where, Object signature) {
    if (signature != null && signature.toString().contains("com.xensource")) {
      leaks.add(where);
    }
  }
}
