/** HTTP for search: the results page and the search API. */
package de.pinnwand.search.web;
