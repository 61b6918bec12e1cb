// Word lists for realistic seed data.
export const FIRST_NAMES = [
	'Alice', 'Bob', 'Carmen', 'Deepak', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam',
	'Maya', 'Noah', 'Olga', 'Pedro', 'Quinn', 'Rosa', 'Sven', 'Tariq', 'Uma', 'Victor', 'Wen', 'Yusuf', 'Zoe',
];
export const LAST_NAMES = [
	'Anderson', 'Baker', 'Chen', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Kowalski',
	'Lopez', 'Moreau', 'Novak', "O'Brien", 'Patel', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Vega', 'Weber', 'Young',
];
export const DEPARTMENTS = ['FIN', 'HR', 'ENG', 'OPS', 'MKT', 'SALES', 'LEGAL', 'IT', 'RND', 'SUP'];
export const GROUP_NAMES = [
	'Default Group', 'Finance Workstations', 'Engineering Laptops', 'Help Desk', 'Mac Fleet', 'Servers',
	'Kiosks', 'Contractors', 'Executives', 'Developers', 'Call Centre', 'Lab Machines',
];
export const POLICY_NAMES = [
	'Corporate Baseline', 'Developer Elevation', 'Finance Lockdown', 'Mac Standard', 'Server Hardening',
	'Help Desk Tools', 'Contractor Restricted', 'Kiosk Mode', 'Pilot - JIT Admin', 'Legacy Apps',
];
export const LANGUAGES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'ja-JP'];
export const TIME_ZONES = ['Etc/UTC', 'America/New_York', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Asia/Tokyo'];
export const DATE_FORMATS = ['MM/dd/yyyy HH:mm', 'dd/MM/yyyy HH:mm', 'yyyy-MM-dd HH:mm'];

export interface App {
	name: string;
	path: string;
	publisher: string;
	product: string;
	version: string;
	mac: boolean;
}

export const APPS: App[] = [
	{ name: 'cmd.exe', path: 'C:\\Windows\\System32\\cmd.exe', publisher: 'Microsoft Windows', product: 'Windows Command Processor', version: '10.0.22621.1', mac: false },
	{ name: 'powershell.exe', path: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', publisher: 'Microsoft Windows', product: 'Windows PowerShell', version: '10.0.22621.2506', mac: false },
	{ name: 'mmc.exe', path: 'C:\\Windows\\System32\\mmc.exe', publisher: 'Microsoft Windows', product: 'Microsoft Management Console', version: '10.0.22621.1', mac: false },
	{ name: 'regedit.exe', path: 'C:\\Windows\\regedit.exe', publisher: 'Microsoft Windows', product: 'Registry Editor', version: '10.0.22621.1', mac: false },
	{ name: 'setup.exe', path: 'C:\\Users\\Public\\Downloads\\setup.exe', publisher: 'Unknown', product: 'Setup', version: '1.0.0.0', mac: false },
	{ name: 'npp.8.6.Installer.x64.exe', path: 'C:\\Users\\Public\\Downloads\\npp.8.6.Installer.x64.exe', publisher: 'Notepad++', product: 'Notepad++', version: '8.6.0.0', mac: false },
	{ name: '7z2301-x64.exe', path: 'C:\\Users\\Public\\Downloads\\7z2301-x64.exe', publisher: 'Igor Pavlov', product: '7-Zip', version: '23.01', mac: false },
	{ name: 'python-3.12.1-amd64.exe', path: 'C:\\Users\\Public\\Downloads\\python-3.12.1-amd64.exe', publisher: 'Python Software Foundation', product: 'Python 3.12.1', version: '3.12.1150.0', mac: false },
	{ name: 'VSCodeUserSetup-x64.exe', path: 'C:\\Users\\Public\\Downloads\\VSCodeUserSetup-x64.exe', publisher: 'Microsoft Corporation', product: 'Visual Studio Code', version: '1.85.1', mac: false },
	{ name: 'putty.exe', path: 'C:\\Program Files\\PuTTY\\putty.exe', publisher: 'Simon Tatham', product: 'PuTTY suite', version: '0.80.0.0', mac: false },
	{ name: 'Wireshark.exe', path: 'C:\\Program Files\\Wireshark\\Wireshark.exe', publisher: 'The Wireshark developer community', product: 'Wireshark', version: '4.2.0', mac: false },
	{ name: 'procexp64.exe', path: 'C:\\Tools\\Sysinternals\\procexp64.exe', publisher: 'Sysinternals - www.sysinternals.com', product: 'Process Explorer', version: '17.5', mac: false },
	{ name: 'Terminal', path: '/System/Applications/Utilities/Terminal.app/Contents/MacOS/Terminal', publisher: 'Software Signing', product: 'Terminal', version: '2.14', mac: true },
	{ name: 'Docker.dmg', path: '/Users/Shared/Downloads/Docker.dmg', publisher: 'Docker Inc (9BNSXJN65R)', product: 'Docker Desktop', version: '4.26.1', mac: true },
	{ name: 'brew', path: '/opt/homebrew/bin/brew', publisher: 'Homebrew', product: 'Homebrew', version: '4.2.0', mac: true },
	{ name: 'Xcode.xip', path: '/Users/Shared/Downloads/Xcode_15.1.xip', publisher: 'Apple Mac OS Application Signing', product: 'Xcode', version: '15.1', mac: true },
	{ name: 'zoomusInstallerFull.pkg', path: '/Users/Shared/Downloads/zoomusInstallerFull.pkg', publisher: 'Zoom Video Communications, Inc. (BJ4HAAB9B3)', product: 'Zoom', version: '5.17.1', mac: true },
	{ name: 'sudo', path: '/usr/bin/sudo', publisher: 'Software Signing', product: 'sudo', version: '1.9.13', mac: true },
];

/** Windows/Mac EPM event codes and what they mean (reference §5.2). */
export interface EventKind {
	code: string;
	action: string;
	epmAction: string;
	reason: string;
	type: string[];
	outcome: 'success' | 'failure';
	weight: number;
}

export const EVENT_KINDS: EventKind[] = [
	{ code: '100', action: 'elevated', epmAction: 'Elevate', reason: 'Process has started with admin rights added to token', type: ['start', 'allowed'], outcome: 'success', weight: 40 },
	{ code: '101', action: 'passive', epmAction: 'Passive', reason: 'Process has started with no change to the access token (passive mode)', type: ['start', 'info'], outcome: 'success', weight: 15 },
	{ code: '103', action: 'blocked', epmAction: 'Block', reason: 'Process execution was blocked', type: ['denied'], outcome: 'failure', weight: 15 },
	{ code: '104', action: 'cancelled', epmAction: 'Cancel', reason: 'Process was cancelled by the user at a message', type: ['denied'], outcome: 'failure', weight: 10 },
	{ code: '106', action: 'allowed', epmAction: 'Allow', reason: 'Process has started with its default access token', type: ['start', 'allowed'], outcome: 'success', weight: 12 },
	{ code: '116', action: 'custom-token', epmAction: 'Custom', reason: 'Process has started with a custom access token', type: ['start', 'change'], outcome: 'success', weight: 5 },
	{ code: '120', action: 'on-demand-elevated', epmAction: 'Elevate', reason: 'Process has started on demand with admin rights added to token', type: ['start', 'allowed'], outcome: 'success', weight: 3 },
];
