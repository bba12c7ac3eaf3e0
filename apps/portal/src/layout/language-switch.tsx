import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES } from '../i18n/language-preference';
import { switchLanguage } from '../i18n/setup-i18n';

/** 中文 / English, remembered in the browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select
        name="language"
        aria-label={t('nav.language')}
        value={i18n.language}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void switchLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`languages.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
