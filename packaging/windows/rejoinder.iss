; Inno Setup script for Rejoinder on Windows: a per-user installer (no
; administrator rights, which delegates on managed laptops rarely have) that
; installs the PyInstaller folder, a Start menu entry, the .rejoinder file
; association and an uninstaller.
;
; Build, from the repository root, after `pyinstaller packaging\rejoinder.spec`:
;     iscc /DAppVersion=0.1.0 packaging\windows\rejoinder.iss
; Output: dist\rejoinder-0.1.0-setup.exe

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Rejoinder"
#define AppExe "rejoinder.exe"
#define ProgId "Rejoinder.Project"

[Setup]
; Never change AppId: Windows finds the installed copy by it for upgrades.
AppId={{8C4A2F3E-5B7D-4E61-9A0C-2D3F4B5A6C7E}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Rejoinder developers
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=rejoinder-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\rejoinder.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "es"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\rejoinder\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\..\resources\icons\rejoinder-document.ico"; DestDir: "{app}"; Flags: ignoreversion

[InstallDelete]
; An upgrade replaces the whole bundle: stale libraries from an older version
; next to new ones are the usual cause of "DLL load failed".
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKCU for a per-user install and HKLM for an all-users one.
Root: HKA; Subkey: "Software\Classes\.rejoinder"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.rejoinder"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-rejoinder"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.rejoinder\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "Rejoinder project"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\rejoinder-document.ico"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".rejoinder"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder: projects, settings and logs in the user's
; AppData stay, so reinstalling loses nothing.
Type: filesandordirs; Name: "{app}\_internal"
