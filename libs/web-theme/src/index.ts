export { appStylesheetProblems } from './app-stylesheet';
export { type CssRule, THEME_CSS_FILE, cssRules, customProperties, themeRules } from './css-rules';
