; Inno Setup 6 script for compareapp on Windows: installs the PyInstaller one-folder build
; and registers the session type and, optionally, "Open with" for articles.
;
;   python packaging\build_bundle.py            (leaves build\bundle\compareapp\)
;   iscc packaging\windows\compareapp.iss       (leaves build\installer\compareapp-0.1.0-setup.exe)
;
; Per-user by default (no administrator rights; HKA is then HKEY_CURRENT_USER), or for all
; users when the installer is run as administrator. The ids match the Linux and macOS files:
; app id org.compareapp.CompareApp, session ProgID org.compareapp.CompareApp.session,
; extension .compareapp, MIME type application/x-compareapp-session.

#define AppName "compareapp"
#define AppVersion "0.1.0"
#define AppId "org.compareapp.CompareApp"
#define AppExe "compareapp.exe"
#define SessionExt ".compareapp"
#define SessionMime "application/x-compareapp-session"
#define SessionProgId "org.compareapp.CompareApp.session"
#define DocumentProgId "org.compareapp.CompareApp.document"
#define BundleDir "..\..\build\bundle\compareapp"

[Setup]
AppId={#AppId}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=The compareapp developers
AppPublisherURL=https://compareapp.org/
AppSupportURL=https://compareapp.org/
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
SetupIconFile=compareapp.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "openwith"; Description: "Offer {#AppName} in ""Open with"" for .txt, .md, .html, .docx and .pdf files"; GroupDescription: "File types:"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; AppUserModelID: "{#AppId}"; Tasks: desktopicon

[Registry]
; The session type: .compareapp files belong to compareapp.
Root: HKA; Subkey: "Software\Classes\{#SessionExt}"; ValueType: string; ValueName: ""; ValueData: "{#SessionProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#SessionExt}"; ValueType: string; ValueName: "Content Type"; ValueData: "{#SessionMime}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#SessionExt}\OpenWithProgids"; ValueType: string; ValueName: "{#SessionProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#SessionProgId}"; ValueType: string; ValueName: ""; ValueData: "compareapp Session"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#SessionProgId}"; ValueType: string; ValueName: "AppUserModelID"; ValueData: "{#AppId}"
Root: HKA; Subkey: "Software\Classes\{#SessionProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#SessionProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

; Articles: compareapp is offered in "Open with", never made the default.
Root: HKA; Subkey: "Software\Classes\{#DocumentProgId}"; ValueType: string; ValueName: ""; ValueData: "Article (compareapp)"; Flags: uninsdeletekey; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#DocumentProgId}"; ValueType: string; ValueName: "AppUserModelID"; ValueData: "{#AppId}"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#DocumentProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\{#DocumentProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "{#DocumentProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "{#DocumentProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.markdown\OpenWithProgids"; ValueType: string; ValueName: "{#DocumentProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "{#DocumentProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "{#DocumentProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "{#DocumentProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "{#DocumentProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: openwith

; The executable itself, for "Open with" lists and the Default Apps settings page.
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: "{#SessionExt}"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".markdown"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".htm"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""; Tasks: openwith
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""; Tasks: openwith

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
