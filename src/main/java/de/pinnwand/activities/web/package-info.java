/** Activity pages, the activities JSON API and the activities' iCalendar feeds. */
package de.pinnwand.activities.web;
