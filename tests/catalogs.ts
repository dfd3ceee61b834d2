/** Tests: both UI string catalogs registered, as code under test may translate in either. */
import { registerCatalog } from '../src/i18n';
import { en } from '../src/i18n/en';
import { es } from '../src/i18n/es';

registerCatalog('en', en);
registerCatalog('es', es);
