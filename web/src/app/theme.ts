// Mantine theme, tuned for WCAG 2.2 AA colour contrast (axe-core checks it in the e2e tests):
// primaryShade 8 for the primary colour; darker shades for text on light/outline/subtle variants
// and for filled non-primary colours; dimmed and error text one step darker than Mantine's default;
// toasts with a named close button and full-contrast text.
import { createTheme, darken, Notification, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type VariantColorsResolver } from '@mantine/core';

const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return base;
  const shades = input.theme.colors[parsed.color];
  const strongText = parsed.color === 'gray' || parsed.color === 'dark' ? shades[8] : darken(shades[9], 0.25);
  switch (input.variant) {
    case 'light':
    case 'subtle':
      return { ...base, color: strongText };
    case 'outline':
      return { ...base, color: strongText, border: `1px solid ${strongText}` };
    case 'filled': {
      if (parsed.color === input.theme.primaryColor && parsed.shade === undefined) return base;
      const bg = parsed.color === 'gray' || parsed.color === 'dark' ? shades[7] : darken(shades[9], 0.2);
      return { ...base, background: bg, hover: darken(bg, 0.1), color: '#fff' };
    }
    default:
      return base;
  }
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
  defaultRadius: 'sm',
  variantColorResolver,
  respectReducedMotion: true,
  components: {
    // Toasts: a named close button, and the message in body text colour (Mantine dims it below AA).
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Close this message' } },
      styles: { description: { color: 'var(--mantine-color-text)' } },
    }),
  },
});
