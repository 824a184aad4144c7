package de.pinnwand.organisations;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns an uploaded logo into a small PNG. Only the pixels survive: decoding and encoding
 * again drops every metadata block (EXIF, GPS positions, comments) and anything that is
 * not an image is refused. Blocking and CPU-bound: callers run it on a worker thread.
 */
final class LogoImages {

	/**
	 * What ImageIO decodes and people upload as logos; WebP is not among them (ImageIO
	 * cannot read it).
	 */
	private static final Set<String> FORMATS = Set.of("png", "jpeg", "gif");

	/** Refuses pictures whose pixels alone would take hundreds of megabytes to decode. */
	private static final long MAX_PIXELS = 40_000_000L;

	private LogoImages() {
	}

	/**
	 * The image scaled to fit {@code maxPixels}×{@code maxPixels}, as PNG; refuses
	 * anything else.
	 */
	static byte[] toPng(byte[] upload, int maxPixels) {
		BufferedImage image = decode(upload);
		BufferedImage scaled = scale(image, maxPixels);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(scaled, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	private static BufferedImage decode(byte[] upload) {
		try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			Iterator<ImageReader> readers = (input != null) ? ImageIO.getImageReaders(input) : null;
			if (readers == null || !readers.hasNext()) {
				throw notAnImage();
			}
			ImageReader reader = readers.next();
			try {
				if (!FORMATS.contains(reader.getFormatName().toLowerCase(Locale.ROOT))) {
					throw notAnImage();
				}
				reader.setInput(input, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels <= 0 || pixels > MAX_PIXELS) {
					throw notAnImage();
				}
				// The first frame of an animated GIF.
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidOrganisation invalid) {
				throw invalid;
			}
			throw notAnImage();
		}
	}

	private static BufferedImage scale(BufferedImage image, int maxPixels) {
		double factor = Math.min(1.0,
				Math.min((double) maxPixels / image.getWidth(), (double) maxPixels / image.getHeight()));
		int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
		int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
		BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = scaled.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(image, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		return scaled;
	}

	private static InvalidOrganisation notAnImage() {
		return new InvalidOrganisation("logo", "logo.not-an-image");
	}

}
