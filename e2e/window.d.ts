import type { SwTokenInterceptor } from '../client/SwTokenInterceptor';

declare global {
  interface Window {
    /** Set by the drop-in script tag, which the scenarios read through `page.evaluate`. */
    swTokenInterceptor?: SwTokenInterceptor;
  }
}
