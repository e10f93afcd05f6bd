@echo off
rem xe-migrate launcher for the XCP-ng Center / XenCenter plugin (xe-migrate.xcplugin.xml).
rem XenCenter starts it with the menu item's param values, then four values per selected object:
rem URL, session reference, class, UUID. The session reference is XenCenter's own: it goes to
rem xe-migrate, which reuses it (no login, no logout) and never prints it. Never echo %%*.
rem
rem xe-migrate itself (its lib folder) is found in XE_MIGRATE_HOME, else next to this file (copy
rem lib\ here), else in "%%ProgramFiles%%\xe-migrate". Java 17 or newer: JAVA_HOME, else PATH.
setlocal
if defined XE_MIGRATE_HOME goto found
set "XE_MIGRATE_HOME=%ProgramFiles%\xe-migrate"
rem A 32-bit XenCenter sees "Program Files (x86)" as %ProgramFiles%: look in the 64-bit one too.
if defined ProgramW6432 if exist "%ProgramW6432%\xe-migrate\lib\" set "XE_MIGRATE_HOME=%ProgramW6432%\xe-migrate"
if exist "%~dp0lib\" set "XE_MIGRATE_HOME=%~dp0."
:found
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
if not exist "%XE_MIGRATE_HOME%\lib\" echo xe-migrate: error: no lib folder in "%XE_MIGRATE_HOME%": set XE_MIGRATE_HOME to where xe-migrate is unpacked
if not exist "%XE_MIGRATE_HOME%\lib\" goto end
rem The project needs no Java serialization: reject every class JVM-wide.
"%JAVA%" -Djdk.serialFilter=!* -XX:+UseSerialGC -XX:TieredStopAtLevel=1 %JAVA_OPTS% -cp "%XE_MIGRATE_HOME%\lib\*" io.xemigrate.plugin.cli.Main %*
:end
set "RC=%ERRORLEVEL%"
if not exist "%XE_MIGRATE_HOME%\lib\" set "RC=2"
echo.
if "%RC%"=="0" echo xe-migrate: done.
if not "%RC%"=="0" echo xe-migrate: ended with exit code %RC% - 1 failed, 2 bad input, 3 blocked by checks.
rem Keep the console window open until the user has read the result.
pause
exit /b %RC%
