/**
 * The Arquillian container of the system tests: one Roster process for the whole run (issue 11, "A test suite
 * that answers in minutes"), instead of one Payara Micro per test class.
 */
package dev.roster.it.shared;
