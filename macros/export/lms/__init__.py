"""Exports for learning management systems: question banks (Moodle XML and GIFT) and
SCORM 1.2 packages of the e-learning modules, written into the trainer edition's
downloads (trainer/downloads/lms/)."""
