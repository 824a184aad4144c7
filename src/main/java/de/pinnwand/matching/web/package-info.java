/** HTTP for matching: the matches API and the matches shown on a listing's page. */
package de.pinnwand.matching.web;
