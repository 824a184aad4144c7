/**
 * Organisations and volunteer groups: profiles, members with roles, invitations, and
 * posting on their behalf.
 */
package de.pinnwand.organisations;
