; Inno Setup 6 script of the Windows installer: a per-user install that needs no
; administrator rights, with a Start menu entry and an uninstaller.
;
; packaging/build.py runs it with ISCC and these defines:
;   /DAppVersion=0.1.0         version from pyproject.toml
;   /DSourceDir=...            the PyInstaller one-folder build
;   /DOutputDir=...            where the setup program is written
;   /DIconFile=...             agent-models.ico
;   /DSignTool                 sign setup and uninstaller with the "agentmodels" sign tool,
;                              which build.py defines with /Sagentmodels=...

#ifndef AppVersion
  #error Pass /DAppVersion=X.Y.Z (packaging/build.py does).
#endif
#ifndef SourceDir
  #error Pass /DSourceDir=<the PyInstaller folder> (packaging/build.py does).
#endif
#ifndef OutputDir
  #define OutputDir "."
#endif

[Setup]
; The AppId identifies the installation for upgrades and the uninstaller: never change it.
AppId={{AC27CAC8-5F0E-4F06-AA16-D12136907A06}
AppName=Agent Models
AppVersion={#AppVersion}
AppVerName=Agent Models {#AppVersion}
AppPublisher=Agent Models
DefaultDirName={autopf}\Agent Models
DefaultGroupName=Agent Models
DisableProgramGroupPage=yes
; Per-user: {autopf} becomes %LOCALAPPDATA%\Programs and no UAC prompt appears. The
; dialog lets a user who is an administrator install for all users instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=agent-models-{#AppVersion}-windows-x64-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName=Agent Models
UninstallDisplayIcon={app}\agent-models-gui.exe
#ifdef IconFile
SetupIconFile={#IconFile}
#endif
#ifdef SignTool
SignTool=agentmodels
SignedUninstaller=yes
#endif
VersionInfoVersion={#AppVersion}
VersionInfoProductName=Agent Models
VersionInfoDescription=Agent Models installer

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries whole, so files an older version had do not linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\Agent Models"; Filename: "{app}\agent-models-gui.exe"; WorkingDir: "{app}"
Name: "{autodesktop}\Agent Models"; Filename: "{app}\agent-models-gui.exe"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\agent-models-gui.exe"; Description: "{cm:LaunchProgram,Agent Models}"; Flags: nowait postinstall skipifsilent
