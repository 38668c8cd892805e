export { ChromiumError, type ChromiumErrorKind } from './chromium-error';
export { CHROMIUM_FLAGS, checkChromium, chromiumPath, launchChromium } from './launch-chromium';
