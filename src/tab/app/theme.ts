/** Fluent UI themes for the Teams host themes. */
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';
import type { ThemeName } from '../teams/host.js';

const themes: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** The Fluent theme matching a host theme. */
export function fluentTheme(name: ThemeName): Theme {
  return themes[name];
}
