/** The web page over the store: search, articles with entities marked, entities over time, live alerts. */
package io.newsflow.web;
