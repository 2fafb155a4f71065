/**
 * Tests of what the installers rely on: the icon containers made from icons/, and the launcher
 * telling a double-clicked manifest (open the window) from a command line.
 */
package dev.redyellow.packaging;
