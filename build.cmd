@echo off
:: Runs the repository's Cake build. Usage: build.cmd [Target] [--option value ...]
setlocal
set DOTNET_CLI_TELEMETRY_OPTOUT=1
set DOTNET_NOLOGO=1
set "IIS_SSL_CALLER_DIR=%CD%"
pushd "%~dp0"
dotnet tool restore >nul || goto :fail
dotnet build src\IisSsl.Cake\IisSsl.Cake.csproj -c Release -o artifacts\cake-addin --nologo -v quiet > "%TEMP%\iis-ssl-addin-build.log" 2>&1 || (type "%TEMP%\iis-ssl-addin-build.log" & goto :fail)
set "TARGET=Default"
set "FIRST=%~1"
if not "%FIRST%"=="" if not "%FIRST:~0,1%"=="-" (set "TARGET=%FIRST%" & shift)
set ARGS=
:collect
if "%~1"=="" goto :run
set ARGS=%ARGS% %1
shift
goto :collect
:run
dotnet cake build\build.cake --target=%TARGET% %ARGS%
set CODE=%ERRORLEVEL%
popd
exit /b %CODE%
:fail
set CODE=%ERRORLEVEL%
popd
exit /b %CODE%
