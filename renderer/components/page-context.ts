import { createContext, useContext } from 'react';

/** The id of the page being shown (`overview`, `imports`, …), for components that adapt to it. */
export const CurrentPageContext = createContext<string>('overview');

/** The id of the page being shown. */
export function useCurrentPage(): string {
  return useContext(CurrentPageContext);
}
