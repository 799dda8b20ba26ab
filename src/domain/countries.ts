import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json';

// ISO 3166-1 reference data from a maintained package (includes the user-assigned XK, Kosovo,
// which Western Balkan and EU police exchange uses).
countries.registerLocale(en);

export interface CountryRecord {
  code: string;
  name: string;
  alpha3: string;
}

export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

export function allCountries(): CountryRecord[] {
  const names = countries.getNames('en', { select: 'official' });
  return Object.entries(names)
    .map(([code, name]) => ({ code, name, alpha3: countries.alpha2ToAlpha3(code) ?? code }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

export function countryId(code: string): string {
  return `country:${code}`;
}
