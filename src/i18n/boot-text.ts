/**
 * The two messages shown before any catalog has arrived (each language's strings are a chunk of
 * their own): while the course loads, and when its own files cannot be loaded. The catalogs
 * take them from here, so each is written once. Likewise the titles of the pages every module
 * gets after its own (the outline lists them in both languages before any catalog is loaded).
 */
export const BOOT_TEXT = {
  loading: { en: 'Loading the course…', es: 'Cargando el curso…' },
  loadFailed: {
    en: 'This page could not be loaded. Check your connection and reload the page; your progress is kept.',
    es: 'No se pudo cargar esta página. Revise su conexión y vuelva a cargar la página; su avance se conserva.',
  },
  quizTitle: { en: 'Module quiz', es: 'Cuestionario del módulo' },
  cardTitle: { en: 'My workshop card', es: 'Mi tarjeta para el taller' },
} as const;
