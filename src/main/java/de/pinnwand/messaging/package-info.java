/**
 * Conversations on listings: answering without exposing anyone, step-by-step disclosure
 * of contact details.
 */
package de.pinnwand.messaging;
