/** HTTP for listings: the pages to post and read them, and the JSON API. */
package de.pinnwand.listings.web;
