/**
 * What a cross-browser scenario needs from a browser: pages, script in them, and a way to stop
 * workers. Playwright drives Chromium (and its own Firefox and WebKit where installed);
 * puppeteer-core drives Debian's Firefox ESR over WebDriver BiDi, which Playwright cannot.
 */
export interface BrowserDriver {
  /** The lane's name in test titles. */
  readonly name: string;
  /** A page in a fresh context (clean worker and storage state). */
  newPage(options?: { workersDisabled?: boolean }): Promise<DriverPage>;
  close(): Promise<void>;
}

/** A page of a {@link BrowserDriver}. */
export interface DriverPage {
  goto(url: string): Promise<void>;
  /** Runs a function in the page; BiDi exposes no worker targets, so results come through here. */
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Stops the origin's service workers, as a browser does to idle ones. */
  restartWorkers(): Promise<void>;
  /** Whether {@link DriverPage.restartWorkers} can actually stop them in this browser. */
  readonly canRestartWorkers: boolean;
  close(): Promise<void>;
}
