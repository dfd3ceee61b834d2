/** Tests: both UI string catalogs registered, as code under test may translate in either. */
import { registerCatalog } from '../src/i18n';
import { en } from '../src/i18n/en';
import { enPractice } from '../src/i18n/en-practice';
import { es } from '../src/i18n/es';
import { esPractice } from '../src/i18n/es-practice';

registerCatalog('en', { ...en, ...enPractice });
registerCatalog('es', { ...es, ...esPractice });
