/**
 * Activities of organisations and volunteer groups, one-off or weekly, with sign-ups per
 * occurrence and a waiting list.
 */
package de.pinnwand.activities;
