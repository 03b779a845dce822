import { defineMessages } from './define.ts';

/** Paths the main process refuses: every path must come from the user (dialog, drop, upload, shell). */
export const pathMessages = defineMessages({
  'paths.not-chosen-workspace-create': {
    en: 'A workspace is created only where you chose it in a dialog; {file} was not chosen there. Use New workspace… to choose the place.',
    ko: '워크스페이스는 대화상자에서 고른 위치에만 만듭니다. 이 경로는 고른 위치가 아닙니다: {file}. 새 워크스페이스…에서 위치를 고르세요.',
  },
  'paths.not-chosen-workspace-open': {
    en: 'Only a workspace you chose in a dialog, or one from your recent list, can be opened; {file} is neither. Use Open workspace… to choose it.',
    ko: '대화상자에서 고른 워크스페이스나 최근 목록에 있는 워크스페이스만 열 수 있습니다. 이 경로는 둘 다 아닙니다: {file}. 워크스페이스 열기…에서 고르세요.',
  },
  'paths.not-chosen-import': {
    en: 'Only a file you chose or dropped onto the window can be imported; {file} was neither. Choose it with Add files… or drop it on the Imports page.',
    ko: '직접 고르거나 창에 끌어다 놓은 파일만 가져올 수 있습니다. 이 파일은 둘 다 아닙니다: {file}. 파일 추가…로 고르거나 가져오기 화면에 끌어다 놓으세요.',
  },
  'paths.not-chosen-export': {
    en: 'An export is written only to a file you chose in the save dialog; {file} was not chosen there. Export again and choose where to save it.',
    ko: '내보내기는 저장 대화상자에서 고른 파일에만 씁니다. 이 경로는 고른 파일이 아닙니다: {file}. 다시 내보내고 저장할 위치를 고르세요.',
  },
  'paths.not-chosen-watch-folder': {
    en: 'Only a folder you chose in a dialog can be watched; {file} was not chosen there. Use Choose folder… to pick it.',
    ko: '대화상자에서 고른 폴더만 지켜볼 수 있습니다. 이 폴더는 고른 폴더가 아닙니다: {file}. 폴더 선택…으로 고르세요.',
  },
  'paths.browser-import-outside-uploads': {
    en: 'In browser mode a file is imported only from what you upload (drop it or use Add files…); {file} is not an upload.',
    ko: '브라우저 모드에서는 올린 파일만 가져옵니다(끌어다 놓거나 파일 추가…를 쓰세요). 이 파일은 올린 파일이 아닙니다: {file}',
  },
  'paths.browser-export-path': {
    en: 'In browser mode an export is a download; it is never written to a path ({file}). Export again to download it.',
    ko: '브라우저 모드에서는 내보내기를 내려받기로만 합니다. 경로에 쓰지 않습니다: {file}. 다시 내보내서 내려받으세요.',
  },
  'paths.browser-workspace-outside': {
    en: 'In browser mode workspaces live in {dir}; {file} is not there. Create one by name, open one from the list, or start browser mode with --workspace <file>.',
    ko: '브라우저 모드의 워크스페이스는 {dir}에 있습니다. 이 파일은 그곳에 없습니다: {file}. 이름으로 새로 만들거나, 목록에서 열거나, --workspace <파일>을 붙여 브라우저 모드를 시작하세요.',
  },
  'paths.browser-watch-folder': {
    en: 'In browser mode the watched folder cannot be set from the page ({file}). Start browser mode with --watch-folder <folder>, or use the desktop app.',
    ko: '브라우저 모드에서는 화면에서 지켜볼 폴더를 정할 수 없습니다({file}). --watch-folder <폴더>를 붙여 브라우저 모드를 시작하거나 데스크톱 앱을 쓰세요.',
  },
  'paths.bad-workspace-name': {
    en: '"{name}" cannot be a workspace name: start with a letter or digit, then use letters, digits, spaces, dots, dashes or underscores (at most 100 in all).',
    ko: '워크스페이스 이름으로 쓸 수 없습니다: "{name}". 글자나 숫자로 시작하고, 글자, 숫자, 공백, 점, 대시, 밑줄만 쓰세요(모두 100자 이하).',
  },
  'paths.name-needs-workspaces-folder': {
    en: 'A workspace is created by name only in browser mode ("{name}"); here, choose its file in the dialog.',
    ko: '이름으로 워크스페이스를 만드는 것은 브라우저 모드에서만 됩니다("{name}"). 여기서는 대화상자에서 파일을 고르세요.',
  },
});
