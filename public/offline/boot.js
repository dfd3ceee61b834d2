/*
 * Opened from disk (file://), Chromium refuses the course's module scripts, so the course would
 * not start. index.html runs this classic script after its module entry (both are deferred, so
 * in that order): on file://, when the entry did not define the course, it loads the same course
 * built as one classic script (offline/course.js). Over http it does nothing.
 */
(function () {
  'use strict';
  if (location.protocol !== 'file:' || !window.customElements || customElements.get('micic-course-shell')) return;
  var script = document.createElement('script');
  script.src = new URL('course.js', document.currentScript.src).href;
  document.body.appendChild(script);
})();
