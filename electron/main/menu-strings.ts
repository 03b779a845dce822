import type { Locale } from '../../shared/contract/settings.ts';

/** The main process's own user-visible strings (menus, dialogs), in Korean and English. */
export interface ShellStrings {
  file: string;
  newWorkspace: string;
  connectWarehouse: string;
  openWorkspace: string;
  openRecent: string;
  noRecent: string;
  clearRecent: string;
  closeWorkspace: string;
  openDemo: string;
  quit: string;
  edit: string;
  view: string;
  reload: string;
  devTools: string;
  theme: string;
  themeSystem: string;
  themeLight: string;
  themeDark: string;
  language: string;
  window: string;
  help: string;
  about: string;
  aboutDetail: string;
  workspaceFilter: string;
  createTitle: string;
  openTitle: string;
  createButton: string;
  openButton: string;
  folderTitle: string;
  folderButton: string;
  saveExportTitle: string;
  saveExportButton: string;
  errorTitle: string;
}

const en: ShellStrings = {
  file: 'File',
  newWorkspace: 'New Workspace…',
  connectWarehouse: 'Connect to ClickHouse…',
  openWorkspace: 'Open Workspace…',
  openRecent: 'Open Recent',
  noRecent: 'No recent workspaces',
  clearRecent: 'Clear Recent',
  closeWorkspace: 'Close Workspace',
  openDemo: 'Open Demo Workspace',
  quit: 'Quit Notice Desk',
  edit: 'Edit',
  view: 'View',
  reload: 'Reload',
  devTools: 'Developer Tools',
  theme: 'Theme',
  themeSystem: 'Follow System',
  themeLight: 'Light',
  themeDark: 'Dark',
  language: 'Language',
  window: 'Window',
  help: 'Help',
  about: 'About Notice Desk',
  aboutDetail:
    'A desktop console for messaging-platform policy teams: notification volumes, data charges, consent and URL indexing from your own exports, and clearer disclosure texts. Works offline.',
  workspaceFilter: 'Notice Desk workspace',
  createTitle: 'Create a workspace',
  openTitle: 'Open a workspace',
  createButton: 'Create',
  openButton: 'Open',
  folderTitle: 'Choose the folder to watch for exports',
  folderButton: 'Watch This Folder',
  saveExportTitle: 'Save the export',
  saveExportButton: 'Save',
  errorTitle: 'Notice Desk could not do that',
};

const ko: ShellStrings = {
  file: '파일',
  newWorkspace: '새 워크스페이스…',
  connectWarehouse: 'ClickHouse에 연결…',
  openWorkspace: '워크스페이스 열기…',
  openRecent: '최근 워크스페이스',
  noRecent: '최근에 연 워크스페이스가 없습니다',
  clearRecent: '최근 목록 지우기',
  closeWorkspace: '워크스페이스 닫기',
  openDemo: '데모 워크스페이스 열기',
  quit: 'Notice Desk 종료',
  edit: '편집',
  view: '보기',
  reload: '새로 고침',
  devTools: '개발자 도구',
  theme: '테마',
  themeSystem: '시스템 설정 따르기',
  themeLight: '밝게',
  themeDark: '어둡게',
  language: '언어',
  window: '창',
  help: '도움말',
  about: 'Notice Desk 정보',
  aboutDetail:
    '메시징 플랫폼 정책팀을 위한 데스크톱 콘솔입니다. 자사 내보내기 파일로 알림 발송량, 데이터 요금, 수신 동의와 URL 색인을 살펴보고, 더 명확한 고지문을 작성합니다. 인터넷 연결 없이 동작합니다.',
  workspaceFilter: 'Notice Desk 워크스페이스',
  createTitle: '워크스페이스 만들기',
  openTitle: '워크스페이스 열기',
  createButton: '만들기',
  openButton: '열기',
  folderTitle: '내보내기 파일을 지켜볼 폴더 고르기',
  folderButton: '이 폴더 지켜보기',
  saveExportTitle: '내보내기 저장',
  saveExportButton: '저장',
  errorTitle: 'Notice Desk가 요청을 처리하지 못했습니다',
};

/** The shell's strings for a locale. */
export function shellStrings(locale: Locale): ShellStrings {
  return locale === 'ko' ? ko : en;
}
