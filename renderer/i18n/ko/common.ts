import type { Messages } from '../types.ts';

/** 한국어: 화면 전체에서 쓰는 문자열. */
export const common: Messages['common'] = {
  appName: '노티스 데스크',
  nav: {
    overview: '개요',
    imports: '가져오기',
    notifications: '알림',
    dataCharges: '데이터 요금',
    consent: '동의',
    urls: 'URL',
    disclosures: '고지문',
    settings: '설정',
  },
  empty: {
    noWorkspace: '열린 작업 공간이 없습니다',
    noWorkspaceHint: '작업 공간을 새로 만들거나 기존 작업 공간을 열어 시작하세요.',
    overview: '기간별 핵심 지표가 여기에 표시됩니다: 알림 수, 수신자, 데이터 요금, 수신 거부율, 고지 적용률, 거부 준수, 색인된 URL.',
    imports: '가져온 파일이 출처 정보와 함께 여기에 표시됩니다. 내보낸 파일을 창에 끌어다 놓거나 [파일 가져오기]를 누르세요.',
    notifications: '발송 로그를 가져오면 일·주·월별 알림 발송량이 여기에 표시됩니다.',
    dataCharges: '발송 로그를 가져오면 알림 수신에 든 모바일 데이터 요금이 여기에 표시됩니다.',
    consent: '동의 이벤트를 가져오면 수신 거부율, 고지 적용률, 거부 준수 현황이 여기에 표시됩니다.',
    urls: 'URL 이벤트를 가져오면 공유·색인·노출된 URL이 여기에 표시됩니다.',
    disclosures: '작성하고 검토하는 고지문이 여기에 표시됩니다.',
    howToImport: '[가져오기] 화면에서 파일을 가져오거나 다음을 실행하세요: notice-desk import <파일> --workspace <파일>',
  },
  error: {
    title: '문제가 발생했습니다',
    retry: '다시 시도',
  },
  loading: '불러오는 중…',
};
